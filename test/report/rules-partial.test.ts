import { describe, expect, it } from "vitest";
import { resolveRules } from "../../src/app/compare.js";
import { CompareRulesSchema, defaultRules } from "../../src/report/rules.js";

describe("partial steps", () => {
  it("keep the other field's default when a rule sets only one of relative and absolute", () => {
    const rules = resolveRules(undefined, ["time.warn.absolute=100", "size.fail.relative=3"]);
    expect(rules.time.warn).toEqual({ relative: defaultRules().time.warn.relative, absolute: 100 });
    expect(rules.time.fail).toEqual(defaultRules().time.fail);
    expect(rules.size.fail).toEqual({ relative: 3, absolute: defaultRules().size.fail.absolute });
  });

  it("accept a config file that sets one field of a step", () => {
    expect(CompareRulesSchema.parse({ time: { fail: { relative: 4 } } }).time.fail).toEqual({ relative: 4, absolute: 500 });
  });
});
