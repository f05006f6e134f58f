import * as sqlite from '../tables';
import { pgTwins, type PgTwin } from './pg-twin';

// drizzle-kit finds tables by their exports, so each twin is named here; a test fails when a table is left out.
const twins = pgTwins(sqlite);
const twin = (name: keyof typeof sqlite): PgTwin => twins[name]!;

export const auditLog = twin('auditLog');
export const campaigns = twin('campaigns');
export const caseRecords = twin('caseRecords');
export const caseUploads = twin('caseUploads');
export const changeFeed = twin('changeFeed');
export const citySummaries = twin('citySummaries');
export const clockSettings = twin('clockSettings');
export const dispatchCopies = twin('dispatchCopies');
export const dispatchEvents = twin('dispatchEvents');
export const dispatchFiles = twin('dispatchFiles');
export const dispatchOrders = twin('dispatchOrders');
export const documentSettings = twin('documentSettings');
export const generatedReports = twin('generatedReports');
export const loginAttempts = twin('loginAttempts');
export const monthlyReports = twin('monthlyReports');
export const noticeReads = twin('noticeReads');
export const notices = twin('notices');
export const orgUnits = twin('orgUnits');
export const rectificationEvidence = twin('rectificationEvidence');
export const rectificationItems = twin('rectificationItems');
export const reportEvents = twin('reportEvents');
export const reportSubmissions = twin('reportSubmissions');
export const reportValues = twin('reportValues');
export const rosterRows = twin('rosterRows');
export const rosterUploads = twin('rosterUploads');
export const sessions = twin('sessions');
export const submissionValues = twin('submissionValues');
export const supervisionRevisions = twin('supervisionRevisions');
export const supervisionVisits = twin('supervisionVisits');
export const urges = twin('urges');
export const users = twin('users');
