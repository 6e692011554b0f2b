/** @type {import('jest').Config} */
module.exports = {
  preset: "ts-jest",
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  setupFiles: ["<rootDir>/test/setup-env.ts"],
  globalSetup: "<rootDir>/test/global-setup.js",
  testTimeout: 60000,
  // Each test file owns its databases and servers; two workers match the CI machine's two cores.
  maxWorkers: 2,
};
