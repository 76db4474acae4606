export { JobWorker, type JobActions, type JobHandler, type JobWorkerOptions } from './JobWorker.js';
export { Scheduler, type SchedulerOptions } from './Scheduler.js';
