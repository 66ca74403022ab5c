import { HomeSectionView } from "@/components/home/home-sections";
import type { HomeSectionId } from "@/lib/contracts/home";
import { loadHomeSection } from "@/server/services/home";

/** Loads one home section on the server and draws it; the page wraps each in its own Suspense boundary. */
export async function HomeSectionSlot({ id, userId }: { id: HomeSectionId; userId: string }) {
  const data = await loadHomeSection({ userId }, id);
  return <HomeSectionView id={id} data={data} />;
}
