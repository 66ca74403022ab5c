import type { FieldErrors } from "react-hook-form";
import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api-client";
import { apiErrorOnForm, flattenFormErrors, formPathFor, formPaths, placeErrors } from "./form-errors";

const intakeShape = {
  firstName: "",
  address: { line1: "", city: "" },
  healthContext: { conditions: "", notes: "" },
  consents: { "doc-1": null },
  photo: null,
};

describe("formPaths and formPathFor", () => {
  it("lists every field and group of the form's values", () => {
    expect([...formPaths(intakeShape)].sort()).toEqual(
      [
        "address",
        "address.city",
        "address.line1",
        "consents",
        "consents.doc-1",
        "firstName",
        "healthContext",
        "healthContext.conditions",
        "healthContext.notes",
        "photo",
      ].sort(),
    );
  });

  it("places a contract path on the field it belongs to, or nowhere", () => {
    const paths = formPaths(intakeShape);
    expect(formPathFor("address.city", paths)).toBe("address.city");
    expect(formPathFor("healthContext.conditions.2", paths)).toBe("healthContext.conditions");
    expect(formPathFor("consents.0.granted", paths)).toBe("consents");
    expect(formPathFor("token", paths)).toBeNull();
  });
});

describe("apiErrorOnForm", () => {
  it("puts the API's validation details on the fields and keeps the rest for the alert", () => {
    const error = new ApiError({
      status: 422,
      code: "validation_failed",
      message: "Some fields are invalid",
      fieldErrors: {
        "address.city": "Use at most 120 characters",
        "healthContext.conditions.0": "Use at most 200 characters",
        token: "This link is not valid",
      },
    });
    expect(apiErrorOnForm(error, formPaths(intakeShape))).toEqual({
      fields: {
        "address.city": "Use at most 120 characters",
        "healthContext.conditions": "Use at most 200 characters",
      },
      unplaced: ["This link is not valid"],
    });
  });

  it("keeps the first message when two paths land on one field", () => {
    const mapped = placeErrors(
      [
        ["healthContext.conditions.0", "first"],
        ["healthContext.conditions.3", "second"],
      ],
      formPaths(intakeShape),
    );
    expect(mapped.fields).toEqual({ "healthContext.conditions": "first" });
  });

  it("places nothing for an error without details", () => {
    const error = new ApiError({ status: 401, code: "unauthorized", message: "Wrong email or password" });
    expect(apiErrorOnForm(error, formPaths(intakeShape))).toEqual({ fields: {}, unplaced: [] });
  });
});

describe("flattenFormErrors", () => {
  it("reads react-hook-form's nested errors as dotted paths", () => {
    const errors: FieldErrors = {
      firstName: { type: "too_small", message: "Enter your first name" },
      address: { city: { type: "too_big", message: "Too long" } },
      consents: [{ granted: { type: "invalid_type", message: "Answer this" } }],
      root: { type: "contract", message: "Check the form" },
    } as unknown as FieldErrors;
    expect(flattenFormErrors(errors)).toEqual([
      ["firstName", "Enter your first name"],
      ["address.city", "Too long"],
      ["consents.0.granted", "Answer this"],
      ["root", "Check the form"],
    ]);
  });
});
