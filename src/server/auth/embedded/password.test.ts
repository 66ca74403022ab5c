import { describe, expect, it } from "vitest";
import {
  DUMMY_PASSWORD_HASH,
  hashPassword,
  needsRehash,
  passwordVerificationCount,
  SCRYPT_PARAMS,
  verifyPassword,
} from "./password";

describe("password hashing", () => {
  it("stores scrypt parameters, salt and key in the hash, and verifies only the right password", async () => {
    const hash = await hashPassword("correct horse battery staple");
    expect(hash).toMatch(/^\$scrypt\$ln=15,r=8,p=1\$[\w-]{22}\$[\w-]{43}$/);
    expect(await verifyPassword("correct horse battery staple", hash)).toBe(true);
    expect(await verifyPassword("correct horse battery stapler", hash)).toBe(false);
    expect(await hashPassword("correct horse battery staple")).not.toBe(hash);
  });

  it("treats Unicode spellings of the same password alike (NFKC)", async () => {
    const hash = await hashPassword("ｐａｓｓｗｏｒｄ-café-ﬁle");
    expect(await verifyPassword("password-café-file", hash)).toBe(true);
  });

  it("never matches a malformed hash, but still does the work", async () => {
    const before = await passwordVerificationCount();
    expect(await verifyPassword("anything", "plain-text-password")).toBe(false);
    expect(await verifyPassword("anything", "")).toBe(false);
    expect((await passwordVerificationCount()) - before).toBe(2);
  });

  it("keeps the dummy hash on today's parameters, so unknown emails cost what known ones do", () => {
    expect(needsRehash(DUMMY_PASSWORD_HASH)).toBe(false);
    expect(DUMMY_PASSWORD_HASH).toContain(`ln=${SCRYPT_PARAMS.logN},r=${SCRYPT_PARAMS.r},p=${SCRYPT_PARAMS.p}`);
  });

  it("asks for a re-hash when parameters are older or the hash is unreadable", () => {
    expect(needsRehash(DUMMY_PASSWORD_HASH.replace("ln=15", "ln=14"))).toBe(true);
    expect(needsRehash(DUMMY_PASSWORD_HASH.replace("r=8", "r=4"))).toBe(true);
    expect(needsRehash("bcrypt-or-whatever")).toBe(true);
  });

  it("counts every verification", async () => {
    const before = await passwordVerificationCount();
    await verifyPassword("x", DUMMY_PASSWORD_HASH);
    expect(await passwordVerificationCount()).toBe(before + 1);
  });
});
