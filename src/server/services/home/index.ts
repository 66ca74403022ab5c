export { loadHomeSection } from "./home-sections";
export { readHomeGreeting } from "./home-greeting";
