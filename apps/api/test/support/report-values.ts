/** A complete, valid July report for a county with at least 20 townships; figures chosen by hand. */
export const julyValues: Record<string, string> = {
  s1_plan_issued_on: '2021-07-10',
  t01_dibao_urban: '1200', t01_dibao_rural: '15000', t01_tekun: '2500', t01_special_aid_households: '300', t01_disaster_aid_persons: '40',
  t02_incapable_identified: '800', t02_incapable_covered: '700', t02_single_person_households: '20', t02_employment_cost_deductions: '30', t02_gradual_exit_households: '50',
  t03_temp_aid_cases: '200', t03_temp_aid_amount: '150000.00', t03_nonlocal_cases: '10', t03_advance_aid_cases: '30', t03_townships_with_reserve: '15',
  t04_platform_live: 'true', t04_departments_sharing: '5', t04_monitored_persons: '30000', t04_warnings_issued: '100', t04_warnings_handled: '90',
  t05_grid_workers: '600', t05_hotline_module: 'true', t05_hotline_orders: '50', t05_hotline_orders_on_time: '48', t05_green_channel_cases: '20',
  t06_townships_delegated: '20', t06_joint_review: 'true', t06_avg_processing_days: '18.5', t06_over_limit_cases: '2', t06_certificates_cancelled: '12',
  t07_service_catalog: 'true', t07_service_providers: '2', t07_persons_served: '300', t07_purchase_amount: '500000.00',
  t08_residence_permit_open: 'false', t08_residence_permit_applicants: '5', t08_migrants_included: '12', t08_unified_rules: 'true',
  t09_dispersed_tekun: '2000', t09_care_agreements: '1500', t09_disabled_dispersed: '300', t09_home_adaptations: '40',
  t11_publicity_events: '12', t11_materials: '5000', t11_media_reports: '6', t11_typical_cases: '1',
  'narrative.T01': '全县分层分类救助体系运行平稳。',
};

/** August: every flow grows, every stock moves less than 50 %. */
export const augustValues: Record<string, string> = {
  ...julyValues,
  t01_special_aid_households: '420', t01_disaster_aid_persons: '55',
  t02_incapable_covered: '760', t02_single_person_households: '26', t02_employment_cost_deductions: '41',
  t03_temp_aid_cases: '260', t03_temp_aid_amount: '201000.50', t03_nonlocal_cases: '14', t03_advance_aid_cases: '37', t03_townships_with_reserve: '19',
  t04_warnings_issued: '160', t04_warnings_handled: '150',
  t05_hotline_orders: '80', t05_hotline_orders_on_time: '77', t05_green_channel_cases: '31',
  t06_over_limit_cases: '3',
  t07_persons_served: '420', t07_purchase_amount: '650000.00',
  t08_residence_permit_applicants: '8', t08_migrants_included: '20',
  t09_home_adaptations: '61',
  t11_publicity_events: '18', t11_materials: '7200', t11_media_reports: '9', t11_typical_cases: '2',
  'narrative.T01': '8月新增专项救助120户。',
};

export type Line = [string, string, string, string, string];

export function lines(county: string, period: string, values: Record<string, string>, comments: Record<string, string> = {}): Line[] {
  return Object.entries(values).map(([indicator, value]) => [county, period, indicator, value, comments[indicator] ?? '']);
}

export const header = ['unit_code', 'period', 'indicator', 'value', 'comment'];
