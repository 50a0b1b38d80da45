export * from './sheetPlan';
