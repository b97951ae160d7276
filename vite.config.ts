import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import type { Plugin } from 'vite'
import { defineConfig } from 'vite'
import { VitePWA } from 'vite-plugin-pwa'

// The sync server's address; in development Vite forwards /api calls to it.
const serverOrigin = 'http://127.0.0.1:8787'

/**
 * vite-plugin-pwa links the officer app's manifest into every page; the diary has its own
 * (public/diary.webmanifest), and a second manifest link would make it install as Casebook.
 */
const diaryKeepsItsOwnManifest: Plugin = {
  name: 'diary-keeps-its-own-manifest',
  enforce: 'post',
  transformIndexHtml: {
    order: 'post',
    handler: (html, ctx) =>
      ctx.filename.endsWith('diary.html') ? html.replace(/<link rel="manifest" href="\/manifest\.webmanifest"\s*\/?>/, '') : html,
  },
}

export default defineConfig({
  resolve: {
    // Dexie's ES build rather than its default, a wrapper around the UMD bundle: that one is a
    // single function the browser compiles and runs whole when the app starts, 170 ms of a
    // throttled tablet's cold start (issue 5). The wrapper only guards against two copies of
    // Dexie loaded at once, which the alias (every import of 'dexie' is this file) rules out.
    alias: [
      {
        find: /^dexie$/,
        replacement: fileURLToPath(new URL('./node_modules/dexie/dist/dexie.mjs', import.meta.url)),
      },
    ],
  },
  build: {
    rolldownOptions: {
      // Two pages: the officer app, and the complainant's own small diary (DESIGN.md) with its
      // service worker, which must keep a fixed name (/diary-sw.js) so a phone can find it again.
      input: {
        main: fileURLToPath(new URL('./index.html', import.meta.url)),
        diary: fileURLToPath(new URL('./diary.html', import.meta.url)),
        'diary-sw': fileURLToPath(new URL('./src/diary/service-worker.ts', import.meta.url)),
      },
      output: {
        // The complainant's page gets a prefix of its own: the officer app's precache leaves out
        // `assets/complainant-diary-*`, and a plain `diary-*` also matched the officer's own
        // diary-entry-screen chunk, which then failed to load offline.
        entryFileNames: (chunk) =>
          chunk.name === 'diary-sw'
            ? 'diary-sw.js'
            : chunk.name === 'diary'
              ? 'assets/complainant-diary-[hash].js'
              : 'assets/[name]-[hash].js',
        assetFileNames: (asset) =>
          asset.names.some((name) => name.startsWith('diary') && name.endsWith('.css'))
            ? 'assets/complainant-diary-[hash][extname]'
            : 'assets/[name]-[hash][extname]',
      },
    },
  },
  plugins: [
    react(),
    VitePWA({
      // The app asks before reloading into a new version, so an officer never loses a half-typed form.
      registerType: 'prompt',
      // src/pwa registers the service worker itself through virtual:pwa-register/react.
      injectRegister: false,
      manifest: {
        name: 'Casebook',
        short_name: 'Casebook',
        description: 'Anti-social behaviour case management for council community safety officers.',
        lang: 'en-GB',
        theme_color: '#1e3a8a',
        background_color: '#ffffff',
        display: 'standalone',
        start_url: '/',
        scope: '/',
        // Shown by Chromium's richer install dialog: the Today screen of the demo council.
        screenshots: [
          {
            src: '/screenshots/today-wide.png',
            sizes: '1280x800',
            type: 'image/png',
            form_factor: 'wide',
            label: 'Today: overdue and due actions, caseload by phase',
          },
          {
            src: '/screenshots/today-narrow.png',
            sizes: '390x844',
            type: 'image/png',
            form_factor: 'narrow',
            label: 'Today on a phone',
          },
        ],
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          {
            src: '/icons/icon-maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
      },
      workbox: {
        // Icons are precached through the manifest; listing them here too would store them twice.
        // The PDF fonts (about 1.4 MB) are precached so letters and the court bundle are made offline.
        globPatterns: ['**/*.{js,css,html,ttf}'],
        // The complainant's diary is another app with its own service worker: not the officer's.
        globIgnores: ['diary.html', 'diary-sw.js', 'assets/complainant-diary-*'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//, /^\/diary(\/|$)/],
      },
    }),
    diaryKeepsItsOwnManifest,
  ],
  server: {
    proxy: {
      '/api': serverOrigin,
    },
  },
})
