/** The report API's answers, as far as the dashboard reads them (`api/reports/`). */

export type Column06a =
  | 'received'
  | 'receivedOnline'
  | 'receivedInPerson'
  | 'carriedOver'
  | 'resolved'
  | 'resolvedEarly'
  | 'resolvedOnTime'
  | 'resolvedLate'
  | 'inProgress'
  | 'inProgressInTime'
  | 'inProgressLate';

export type Counts06a = Record<Column06a, number>;

export interface Report06a {
  readonly reportDate: string;
  readonly rows: readonly { readonly key: string; readonly label: string; readonly counts: Counts06a }[];
  readonly total: Counts06a;
}

export interface ResponsibleStep {
  readonly stepName: string;
  readonly agencyName: string;
  readonly lateHours: number;
}

export interface CellDossier {
  readonly code: string;
  readonly procedureCode: string;
  readonly status: number;
  readonly receivedAt: string;
  readonly dueOn: string | null;
  readonly finishedAt: string | null;
  readonly timing: 'early' | 'onTime' | 'late' | 'inTime';
  readonly paused: boolean;
  readonly lateHours: number | null;
  readonly lateSteps: readonly ResponsibleStep[];
}

export interface CellPage {
  readonly total: number;
  readonly dossiers: readonly CellDossier[];
}

export interface OnTimePoint {
  readonly key: string;
  readonly label: string;
  readonly resolved: number;
  readonly early: number;
  readonly onTime: number;
  readonly late: number;
  readonly onTimeRate: number | null;
}

export interface OnTimeSeries {
  readonly points: readonly OnTimePoint[];
  readonly total: Omit<OnTimePoint, 'key' | 'label'>;
}

export interface LatenessFigures {
  readonly steps: number;
  readonly lateSteps: number;
  readonly lateShare: number;
  readonly lateHours: number;
  readonly averageLateHours: number;
}

export interface LatenessReport {
  readonly method: string;
  readonly byUnit: readonly (LatenessFigures & { readonly agencyId: string; readonly agencyName: string })[];
  readonly bySteps: readonly (LatenessFigures & {
    readonly procedureName: string;
    readonly elementId: string;
    readonly stepName: string;
    readonly agencyId: string;
    readonly agencyName: string;
  })[];
  readonly total: LatenessFigures;
}

export interface Figure {
  readonly value: number | null;
  readonly numerator: number;
  readonly denominator: number;
  readonly method: string;
}

export interface Scorecard {
  readonly agencyId: string | null;
  readonly agencyName: string;
  readonly onTimeShare: Figure;
  readonly averageDays: Figure;
  readonly onlineShare: Figure;
  readonly satisfaction: Figure;
  readonly averageRating: Figure;
  readonly procedures: readonly {
    readonly procedureCode: string;
    readonly procedureName: string;
    readonly resolved: number;
    readonly averageDays: number;
    readonly limitDays: number | null;
    readonly withinLimit: boolean | null;
  }[];
  /** Estimated in proportion to the figures: the API says so in each method and in the notes. */
  readonly points: { readonly progress: Figure; readonly satisfaction: Figure; readonly online: Figure };
}

export interface Indicators766 {
  readonly units: readonly Scorecard[];
  readonly total: Scorecard;
  readonly notes: readonly string[];
}

/** What the server wrote into the page for its script (`api/web/dashboard/dashboardPage.ts`). */
export interface DashboardPageData {
  readonly query: string;
  readonly monthQuery: string;
  readonly columns: readonly { readonly key: Column06a; readonly label: string }[];
  readonly procedures: Readonly<Record<string, string>>;
  readonly points: { readonly progress: number; readonly satisfaction: number; readonly online: number };
}
