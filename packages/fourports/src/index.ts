export * from "@fourports/network";
export * from "@fourports/targets";
