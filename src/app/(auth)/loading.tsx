// Per section, not at the root: the client record has no loading boundary above it, so an unknown id is a 404 decided before streaming starts.
export { FullPageSpinner as default } from "@/components/full-page-spinner";
