import { test } from "node:test";
import assert from "node:assert/strict";
import { stixId, stixTime, uuidv5 } from "./ids.js";

test("UUIDv5 matches the RFC test vector and is stable", () => {
  assert.equal(uuidv5("www.example.com", "6ba7b810-9dad-11d1-80b4-00c04fd430c8"), "2ed6657d-e927-568b-95e1-2665a8aea6a2");
  assert.equal(uuidv5("x"), uuidv5("x"));
  assert.notEqual(uuidv5("x"), uuidv5("y"));
});

test("STIX ids are type--UUIDv5 of the type and natural key", () => {
  const id = stixId("incident", "inc_0123456789abcdef");
  assert.match(id, /^incident--[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.equal(id, stixId("incident", "inc_0123456789abcdef"));
  assert.notEqual(id.slice(10), stixId("report", "inc_0123456789abcdef").slice(8));
});

test("STIX timestamps: UTC with milliseconds, from times and dates", () => {
  assert.equal(stixTime("2024-06-12"), "2024-06-12T00:00:00.000Z");
  assert.equal(stixTime("2024-06-12T09:00:00+09:00"), "2024-06-12T00:00:00.000Z");
  assert.throws(() => stixTime("soon"), /not a time/);
});
