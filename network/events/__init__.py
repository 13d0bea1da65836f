"""Events, registrations, calendars, the agenda and the trainings."""
