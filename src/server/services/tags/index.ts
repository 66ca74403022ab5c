export { listTags } from "./list-tags";
export { createTag, createTagInput } from "./create-tag";
export { updateTag, updateTagInput, updateTagParams } from "./update-tag";
export { deleteTag, deleteTagInput } from "./delete-tag";
