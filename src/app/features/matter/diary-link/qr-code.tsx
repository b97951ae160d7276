import qrcode from 'qrcode-generator'

// The link as a QR code the complainant scans with their phone's camera, drawn as one SVG path
// (no HTML strings, nothing to sanitise). Error correction M survives a smudged tablet screen.

export function QrCode({ text, label }: { text: string; label: string }) {
  const qr = qrcode(0, 'M')
  qr.addData(text)
  qr.make()
  const size = qr.getModuleCount()
  const margin = 4
  let path = ''
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) if (qr.isDark(row, col)) path += `M${col + margin} ${row + margin}h1v1h-1z`
  }
  const full = size + margin * 2
  return (
    <svg className="qr-code" role="img" aria-label={label} viewBox={`0 0 ${full} ${full}`} width="240" height="240" shapeRendering="crispEdges">
      <rect width={full} height={full} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  )
}
