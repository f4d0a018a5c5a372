import { describe, expect, it } from "vitest";
import { errorMessage } from "../src/util/errors.js";

describe("errorMessage", () => {
  it("gives an Error's message without its name", () => {
    expect(errorMessage(new TypeError("bad input"))).toBe("bad input");
  });

  it("gives anything else thrown as a string", () => {
    expect(errorMessage("plain reason")).toBe("plain reason");
    expect(errorMessage(42)).toBe("42");
    expect(errorMessage(undefined)).toBe("undefined");
  });
});
