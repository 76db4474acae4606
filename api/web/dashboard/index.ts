export { DASHBOARD_PATH, dashboardRoutes } from './dashboardRoutes.js';
export { filtersQuery, monthSeriesPeriod, namedPeriod, parseDayMonthYear, periodOf, readFilters, type DashboardFilters, type FilterChoices, type PeriodChoice } from './dashboardFilters.js';
