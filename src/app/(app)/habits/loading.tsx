// Per section rather than in (app)/: the client record has no loading boundary, so an unknown id is a 404 decided before streaming starts.
export { PageSkeleton as default } from "@/components/page-skeleton";
