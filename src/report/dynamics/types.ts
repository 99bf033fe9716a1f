/** The customer-dynamics part of a report (issue 6): movement, states, stages, cohorts, concentration. */
export interface DynamicsReport {
  /** as-of date of the run compared with, or null when this is the first run */
  previousAsOf: string | null;
  segmentMoves: MoveCell[];
  stateMoves: MoveCell[];
  states: CountRow[];
  stages: CountRow[];
  cohorts: CohortCell[];
  pareto: ParetoPoint[];
  topCustomers: TopCustomer[];
  /** the thresholds the run used (run_config 'dynamics') */
  config: Record<string, number>;
}

export interface MoveCell {
  from: string;
  to: string;
  customers: number;
  /** 12-month CLV of the customers in the cell, when a CLV model ran */
  clv: number | null;
}

export interface CountRow {
  name: string;
  customers: number;
  share: number;
  revenue: number;
}

export interface CohortCell {
  cohort: string; // YYYY-MM
  monthsSince: number;
  customers: number;
  active: number;
  share: number;
  revenue: number;
}

export interface ParetoPoint {
  customerShare: number;
  revenueShare: number | null;
  clvShare: number | null;
}

export interface TopCustomer {
  customerId: string;
  segment: string;
  state: string;
  monetary: number;
  clv: number | null;
  recencyDays: number;
  frequency: number;
}
