import path from "node:path";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const repository = import.meta.dirname;

/**
 * The web app lives in web/ and builds to web/dist, which the server serves. In development
 * `vite` serves it with hot reload and passes /api on to the API server.
 */
export default defineConfig({
  root: path.join(repository, "web"),
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: their own chunks stay cached across releases.
        codeSplitting: {
          groups: [
            {
              name: "react",
              test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/,
            },
            // Charts are big and only a few pages draw them: their own chunk, loaded with those pages.
            { name: "charts", test: /node_modules[\\/](@mantine[\\/]charts|recharts)[\\/]/ },
            {
              name: "mantine",
              test: /node_modules[\\/](@mantine[\\/](?!charts[\\/])|@floating-ui[\\/])/,
            },
            { name: "query", test: /node_modules[\\/]@tanstack[\\/]/ },
            { name: "zod", test: /node_modules[\\/]zod[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    proxy: { "/api": "http://localhost:3000" },
    // The web app imports the server's shared schemas from src/.
    fs: { allow: [repository] },
  },
});
