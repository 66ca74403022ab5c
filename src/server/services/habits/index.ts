export { listHabits } from "./list-habits";
export { createHabit, createHabitInput } from "./create-habit";
export { updateHabit, updateHabitInput, updateHabitParams } from "./update-habit";
export { deleteHabit, deleteHabitParams } from "./delete-habit";
export { clearHabitEntry, habitEntryParams, putHabitEntry, putHabitEntryInput } from "./put-habit-entry";
export { pauseHabits, pauseHabitsInput, resumeHabits } from "./pause-habits";
export { summarizeHabits, activeHabits } from "./habit-summary";
