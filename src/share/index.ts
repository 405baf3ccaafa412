/** Sharing formats: pure functions from incidents to STIX 2.1, MISP, CSV and JSON Lines, and imports back. */
export { incidentsCsv, csvCell, CSV_COLUMNS } from "./csv.js";
export { incidentsJsonl } from "./jsonl.js";
export { collectIncidents, incidentTlp, shareable } from "./select.js";
export { importPlan, type ImportedIncident, type ImportedSource, type ImportPlan, type ImportSummary } from "./imported.js";
export { stixBundle, type Bundle, type StixObject, type StixOptions } from "./stix/export.js";
export { stixImportPlan } from "./stix/import.js";
export { checkBundle } from "./stix/check.js";
export { EXTENSION_ID, EXTENSION_SCHEMA, EXTENSION_SCHEMA_URL } from "./stix/extension.js";
export { mispEvents, type MispEvent, type MispOptions } from "./misp/export.js";
export { mispImportPlan } from "./misp/import.js";
