import "reflect-metadata";

// Apollo's gateway sends anonymous usage telemetry unless told not to; tests never phone home.
process.env.APOLLO_TELEMETRY_DISABLED = "1";
process.env.LOG_LEVEL ??= "silent";
