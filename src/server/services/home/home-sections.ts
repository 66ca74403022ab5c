import type { HomeSectionData, HomeSectionId } from "@/lib/contracts/home";
import type { UserContext } from "../contacts/context";
import { listCheckIns } from "../check-ins/list-check-ins";
import { listHabits } from "../habits/list-habits";
import { loadAttentionSection } from "./attention-section";
import { loadRecentClientsSection } from "./recent-clients-section";

type SectionLoaders = { [K in HomeSectionId]: (context: UserContext) => Promise<HomeSectionData[K]> };

/**
 * What each home section reads, one entry per section (the order and titles are in
 * src/lib/contracts/home.ts). Each runs on its own request-scoped transaction, so the page streams every
 * section as soon as its own data is ready and a slow one holds up no other.
 */
const LOADERS: SectionLoaders = {
  "check-in": (context) => listCheckIns(context, {}),
  habits: listHabits,
  attention: loadAttentionSection,
  "recent-clients": loadRecentClientsSection,
};

export function loadHomeSection<K extends HomeSectionId>(context: UserContext, id: K): Promise<HomeSectionData[K]> {
  return LOADERS[id](context);
}
