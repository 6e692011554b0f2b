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
  // jose 6 ships ES modules only; Jest's CommonJS runtime needs them transpiled (Node itself loads them with require()).
  transform: {
    "^.+\\.ts$": "ts-jest",
    "/node_modules/jose/.+\\.js$": ["ts-jest", { tsconfig: { allowJs: true, module: "commonjs", moduleResolution: "node10", isolatedModules: true } }],
  },
  transformIgnorePatterns: ["/node_modules/(?!jose/)"],
};
