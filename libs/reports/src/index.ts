export * from './reports.http.module';
export * from './dashboard/dashboard.dto';
export * from './dashboard/dashboard-window';
export * from './member-export/member-csv';
