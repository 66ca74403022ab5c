export { listTasks, listTasksInput } from "./list-tasks";
export { getTask, taskIdParams } from "./get-task";
export { createTask, createTaskInput } from "./create-task";
export { updateTask, updateTaskInput, updateTaskParams } from "./update-task";
export { completeTask, skipTask } from "./complete-task";
export { deleteTask } from "./delete-task";
export { bulkUpdateTasks, bulkTaskInput } from "./bulk-update-tasks";
export { createNextOccurrence, createNextOccurrenceInput } from "./create-next-occurrence";
export { rollOverOverdueTasks } from "./roll-over-overdue-tasks";
export { listZones, createZone, createZoneInput, updateZone, updateZoneInput, deleteZone } from "./zones";
export {
  listProjects,
  listProjectsInput,
  createProject,
  createProjectInput,
  updateProject,
  updateProjectInput,
  deleteProject,
} from "./projects";
