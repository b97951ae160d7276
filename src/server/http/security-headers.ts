import { secureHeaders } from 'hono/secure-headers'

// Security headers on every response. The built PWA needs no inline script: vite-plugin-pwa is
// set to `injectRegister: false` (src/pwa registers the service worker from the bundle), so
// script-src is just 'self'. React's style props go through the CSSOM, which CSP allows. Icons
// may be data: URLs. Camera and microphone stay available to the app itself for the evidence
// attachments planned in DESIGN.md; everything else powerful is off.
const self = "'self'"

export const securityHeaders = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: [self],
    scriptSrc: [self],
    styleSrc: [self],
    imgSrc: [self, 'data:', 'blob:'],
    // Evidence recordings and videos play from the device's own copy (a blob: URL, issue 12).
    mediaSrc: [self, 'blob:'],
    fontSrc: [self],
    connectSrc: [self],
    manifestSrc: [self],
    workerSrc: [self],
    objectSrc: ["'none'"],
    baseUri: [self],
    formAction: [self],
    frameAncestors: ["'none'"],
  },
  referrerPolicy: 'no-referrer',
  xFrameOptions: 'DENY',
  permissionsPolicy: {
    camera: ['self'],
    microphone: ['self'],
    geolocation: [],
    payment: [],
    usb: [],
    serial: [],
    bluetooth: [],
    midi: [],
    displayCapture: [],
  },
})
