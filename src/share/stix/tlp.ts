import type { Tlp } from "../../intel/taxonomies/tlp.js";

/** The OASIS extension definition that TLP 2.0 marking definitions declare themselves through. */
export const TLP2_EXTENSION_ID = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d";

/** The official ids of the TLP 2.0 marking definitions (OASIS cti-stix-common-objects). */
export const TLP2_MARKING_IDS: Readonly<Record<Tlp, string>> = {
  CLEAR: "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487",
  GREEN: "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb",
  AMBER: "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421",
  "AMBER+STRICT": "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003",
  RED: "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1",
};

/** The ids STIX 2.1 predefines for TLP 1.0 (read on import; WHITE is CLEAR). */
const TLP1_MARKING_IDS: Readonly<Record<string, Tlp>> = {
  "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9": "CLEAR",
  "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da": "GREEN",
  "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82": "AMBER",
  "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed": "RED",
};

/** A TLP 2.0 marking-definition object exactly as OASIS publishes it. */
export function tlpMarking(level: Tlp): Record<string, unknown> {
  return {
    type: "marking-definition",
    spec_version: "2.1",
    id: TLP2_MARKING_IDS[level],
    created: "2022-10-01T00:00:00.000Z",
    name: `TLP:${level}`,
    extensions: { [TLP2_EXTENSION_ID]: { extension_type: "property-extension", tlp_2_0: level.toLowerCase() } },
  };
}

/** The TLP level a marking-definition id stands for (TLP 2.0 or 1.0), or null. */
export function tlpOfMarking(id: string): Tlp | null {
  for (const [level, mid] of Object.entries(TLP2_MARKING_IDS)) if (mid === id) return level as Tlp;
  return TLP1_MARKING_IDS[id] ?? null;
}
