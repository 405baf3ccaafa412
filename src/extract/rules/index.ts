import type { Rule } from "../context.js";
import { affectedCountRule } from "./affected-count.js";
import { casebookIdRule } from "./casebook-id.js";
import { causeRule } from "./cause.js";
import { dataTypesRule } from "./data-types.js";
import { disclosedOnRule, discoveredOnRule, exposurePeriodRule } from "./dates.js";
import { incidentTypesRule } from "./incident-types.js";
import { indicatorsRule } from "./indicators.js";
import { measuresRule } from "./measures.js";
import { organizationRule } from "./organization.js";
import { otherPartiesRule } from "./other-parties.js";
import { reportedToRule } from "./reported-to.js";
import { responseRule } from "./response.js";
import { sectorRule } from "./sector.js";
import { statusRule } from "./status.js";

/** Every rule, in the order they run: later rules may read the fields earlier ones settled. */
export const RULES: readonly Rule[] = [
  casebookIdRule,
  organizationRule,
  otherPartiesRule,
  disclosedOnRule,
  discoveredOnRule,
  exposurePeriodRule,
  incidentTypesRule,
  affectedCountRule,
  dataTypesRule,
  reportedToRule,
  indicatorsRule,
  sectorRule,
  causeRule,
  responseRule,
  measuresRule,
  statusRule,
] as Rule[];
