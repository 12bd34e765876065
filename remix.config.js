// Remix's Vite plugin options. The plugin does not read this file by itself:
// vite.config.ts imports it, and tsc (allowJs/checkJs) checks it against the plugin's types.

/** @type {import("@remix-run/dev").VitePluginConfig} */
export const remixOptions = {
  appDirectory: "app",
  buildDirectory: "build",
  serverModuleFormat: "esm",
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_singleFetch: true,
    v3_lazyRouteDiscovery: true,
    v3_routeConfig: true,
  },
};

export default remixOptions;
