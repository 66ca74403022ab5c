import {
  CalendarDaysIcon,
  HouseIcon,
  ListTodoIcon,
  SettingsIcon,
  SproutIcon,
  UsersIcon,
  type LucideIcon,
} from "lucide-react";

export interface NavItem {
  href: string;
  label: string;
  icon: LucideIcon;
}

/** The signed-in areas, in the order they appear in the navigation. */
export const NAV_ITEMS: readonly NavItem[] = [
  { href: "/", label: "Home", icon: HouseIcon },
  { href: "/clients", label: "Clients", icon: UsersIcon },
  { href: "/tasks", label: "Tasks", icon: ListTodoIcon },
  { href: "/calendar", label: "Calendar", icon: CalendarDaysIcon },
  { href: "/habits", label: "Habits", icon: SproutIcon },
  { href: "/settings", label: "Settings", icon: SettingsIcon },
];

/** An item is current on its own page and on any page below it (`/clients/123`); Home only on `/`. */
export function isCurrent(item: NavItem, pathname: string): boolean {
  if (item.href === "/") return pathname === "/";
  return pathname === item.href || pathname.startsWith(`${item.href}/`);
}
