/**
 * Drawings that show where things are: the card on the reader, the CAN on the front of the
 * card, the transport PIN and PUK in the PIN letter. Inline SVG (no files, scales with the
 * text size); the only words in them are PIN, PUK and CAN, the same in every language.
 */
const ink = '#1a1a1a';
const mark = 'var(--accent)';

export function InsertCardPicture({ label }: { label: string }) {
  return (
    <svg class="picture" viewBox="0 0 320 210" role="img" aria-label={label}>
      <rect x="50" y="130" width="220" height="66" rx="14" fill="#2b2f36" />
      <rect x="70" y="122" width="180" height="14" rx="5" fill="#4a505a" />
      <circle cx="240" cy="170" r="7" fill="#3ccf6e" />
      <g transform="rotate(-4 160 70)">
        <rect
          x="90"
          y="22"
          width="140"
          height="88"
          rx="8"
          fill="#e8eef5"
          stroke={ink}
          stroke-width="3"
        />
        <rect x="90" y="22" width="140" height="18" rx="8" fill="var(--primary)" />
        <rect x="104" y="52" width="34" height="44" rx="3" fill="#b9c4d0" />
        <rect
          x="150"
          y="58"
          width="26"
          height="20"
          rx="4"
          fill="#d9a520"
          stroke={ink}
          stroke-width="1.5"
        />
        <rect x="150" y="86" width="64" height="6" rx="3" fill="#9aa5b1" />
      </g>
      <path
        d="M282 40 v60 m-14 -16 l14 18 l14 -18"
        fill="none"
        stroke={mark}
        stroke-width="8"
        stroke-linecap="round"
        stroke-linejoin="round"
      />
      <path
        d="M282 40 v60 m-14 -16 l14 18 l14 -18"
        fill="none"
        stroke={ink}
        stroke-width="2"
        stroke-linecap="round"
        stroke-linejoin="round"
      />
    </svg>
  );
}

/** The front of the ID card (since 2010): the six-digit CAN at the bottom right. */
export function CanPicture({ label }: { label: string }) {
  return (
    <svg class="picture" viewBox="0 0 340 220" role="img" aria-label={label}>
      <rect
        x="4"
        y="4"
        width="332"
        height="210"
        rx="14"
        fill="#e8eef5"
        stroke={ink}
        stroke-width="3"
      />
      <rect x="4" y="4" width="332" height="32" rx="14" fill="var(--primary)" />
      <rect x="22" y="52" width="82" height="106" rx="4" fill="#b9c4d0" />
      <circle cx="63" cy="90" r="20" fill="#8a96a3" />
      <path d="M33 158 q30 -44 60 0" fill="#8a96a3" />
      {[56, 78, 100, 122, 144].map((y) => (
        <rect
          key={y}
          x="122"
          y={y}
          width={y === 144 ? 110 : 170}
          height="9"
          rx="4"
          fill="#9aa5b1"
        />
      ))}
      <rect
        x="228"
        y="170"
        width="98"
        height="36"
        rx="8"
        fill="white"
        stroke={mark}
        stroke-width="6"
      />
      <text
        x="277"
        y="196"
        text-anchor="middle"
        font-size="20"
        font-family="monospace"
        font-weight="bold"
        fill={ink}
      >
        123456
      </text>
      <text x="210" y="196" text-anchor="end" font-size="16" font-weight="bold" fill={ink}>
        CAN
      </text>
    </svg>
  );
}

/** The PIN letter: the transport PIN (5 digits) and the PUK (10 digits), each in its field. */
export function PinLetterPicture({
  label,
  highlight,
}: {
  label: string;
  highlight: 'pin' | 'puk';
}) {
  const field = (x: number, title: string, dots: number, marked: boolean) => (
    <g>
      <rect
        x={x}
        y="120"
        width="120"
        height="60"
        rx="6"
        fill={marked ? 'white' : '#eef0f2'}
        stroke={marked ? mark : '#6b7280'}
        stroke-width={marked ? 6 : 2}
      />
      <text x={x + 60} y="142" text-anchor="middle" font-size="15" font-weight="bold" fill={ink}>
        {title}
      </text>
      <text
        x={x + 60}
        y="166"
        text-anchor="middle"
        font-size={dots > 5 ? 11 : 16}
        fill={ink}
        letter-spacing="1"
      >
        {'●'.repeat(dots)}
      </text>
    </g>
  );
  return (
    <svg class="picture" viewBox="0 0 300 210" role="img" aria-label={label}>
      <rect
        x="10"
        y="6"
        width="280"
        height="198"
        rx="4"
        fill="white"
        stroke={ink}
        stroke-width="3"
      />
      {[26, 44, 62, 80, 98].map((y) => (
        <rect key={y} x="28" y={y} width={y === 98 ? 150 : 244} height="7" rx="3" fill="#c4cbd3" />
      ))}
      {field(24, 'PIN', 5, highlight === 'pin')}
      {field(156, 'PUK', 10, highlight === 'puk')}
    </svg>
  );
}
