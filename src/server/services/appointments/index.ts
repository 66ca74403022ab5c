export { listAppointments, listAppointmentsInput } from "./list-appointments";
export { createAppointment, createAppointmentInput } from "./create-appointment";
export { updateAppointment, updateAppointmentInput, updateAppointmentParams } from "./update-appointment";
export { changeAppointmentStatus, appointmentStatusInput, appointmentStatusParams } from "./change-appointment-status";
export { listContactAppointments, contactAppointmentsParams } from "./list-contact-appointments";
export { SLOT_TAKEN_MESSAGE } from "./appointment-errors";
export { bookedIntervals, type BookedInterval } from "./booked-intervals";
