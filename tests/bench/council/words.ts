import type { AsbCategory } from '../../../src/domain/vocabulary.ts'
import type { Random } from './random.ts'

// The made-up people, places and sentences of the generated council. Places are invented;
// phone numbers are in Ofcom's range for drama (01632 960xxx), e-mails at example.org.

const firstNames = [
  'Alex',
  'Amira',
  'Ben',
  'Bethany',
  'Callum',
  'Chloe',
  'Daniel',
  'Deepa',
  'Eleanor',
  'Ethan',
  'Fatima',
  'Finn',
  'Grace',
  'Harry',
  'Imran',
  'Isla',
  'Jack',
  'Jasmine',
  'Kieran',
  'Leah',
  'Liam',
  'Maya',
  'Mohammed',
  'Niamh',
  'Oliver',
  'Olivia',
  'Priya',
  'Rhys',
  'Ruth',
  'Samuel',
  'Sophie',
  'Tariq',
  'Thomas',
  'Uma',
  'Victoria',
  'William',
  'Yusuf',
  'Zara',
  'Janet',
  'Keith',
  'Margaret',
  'Derek',
  'Pauline',
  'Graham',
  'Sandra',
  'Trevor',
  'Wendy',
  'Colin',
]
const lastNames = [
  'Ahmed',
  'Baker',
  'Bennett',
  'Brown',
  'Carter',
  'Clarke',
  'Davies',
  'Edwards',
  'Evans',
  'Fletcher',
  'Green',
  'Hall',
  'Harris',
  'Hill',
  'Hughes',
  'Jackson',
  'James',
  'Johnson',
  'Khan',
  'King',
  'Lewis',
  'Martin',
  'Morgan',
  'Murphy',
  'Nowak',
  'Okafor',
  'Patel',
  'Phillips',
  'Price',
  'Reed',
  'Roberts',
  'Robinson',
  'Shah',
  'Singh',
  'Smith',
  'Taylor',
  'Thomas',
  'Thompson',
  'Turner',
  'Walker',
  'Ward',
  'Watson',
  'White',
  'Williams',
  'Wilson',
  'Wood',
  'Wright',
  'Young',
]
const streets = [
  'Elm Road',
  'Larch Close',
  'Quay Street',
  'Mill Lane',
  'Station Road',
  'Church Street',
  'Victoria Road',
  'Park Avenue',
  'Orchard Way',
  'Meadow View',
  'Kingfisher Drive',
  'Beacon Hill',
  'Canal Walk',
  'Foxglove Court',
  'Heather Rise',
  'Juniper Gardens',
  'Marsh Lane',
  'Nightingale Crescent',
  'Oak Tree Drive',
  'Primrose Hill',
  'Queens Parade',
  'Rowan Close',
  'Saxon Way',
  'Tannery Lane',
  'Upper High Street',
  'Willow Bank',
  'Yew Tree Walk',
  'Abbey Road',
  'Brook Street',
  'Castle View',
  'Dairy Lane',
  'Ferry Road',
  'Glebe Close',
  'Harbour Street',
]
const towns = [
  'Northfold',
  'Elmbridge Green',
  'Ashcombe',
  'Fleetmoor',
  'Kingsworth',
  'Hollow End',
  'Sandholme',
  'Wexley',
]
const outward = ['GU51', 'GU52', 'GU14', 'RG27', 'RG29', 'GU46']
const flatHouses = [
  'Marsh House',
  'Beacon Court',
  'Heron Point',
  'Linden Tower',
  'Wharf House',
  'Cedar Lodge',
]

export function personName(r: Random): string {
  return `${r.pick(firstNames)} ${r.pick(lastNames)}`
}

export function phone(r: Random): string {
  return `01632 960 ${String(r.int(0, 999)).padStart(3, '0')}`
}

export function email(r: Random, name: string): string {
  return `${name.toLowerCase().replace(/[^a-z]+/g, '.')}${r.int(1, 99)}@example.org`
}

export function postcode(r: Random): string {
  const letters = 'ABDEFGHJLNPQRSTUWXYZ'
  return `${r.pick(outward)} ${r.int(1, 9)}${letters[r.int(0, letters.length - 1)]}${letters[r.int(0, letters.length - 1)]}`
}

export function address(r: Random): string {
  const street = `${r.pick(streets)}, ${r.pick(towns)}`
  return r.chance(0.3)
    ? `Flat ${r.int(1, 40)}, ${r.pick(flatHouses)}, ${street}`
    : `${r.int(1, 180)} ${street}`
}

const descriptions: Record<AsbCategory, string[]> = {
  noise: [
    'Loud music from the flat above every night after midnight.',
    'Dogs barking for hours while the owners are out.',
    'Parties most weekends going on until four in the morning.',
  ],
  neighbour_dispute: [
    'The neighbours slam doors, shout in the hallway and leave rubbish outside my door.',
    'A dispute over the shared drive has turned into daily arguments.',
  ],
  harassment_intimidation: [
    'A group waits outside the house and shouts at my son when he comes home from school.',
    'The neighbour films us every time we go into the garden.',
  ],
  verbal_abuse: [
    'The man next door swears at me every time I put the bins out.',
    'Abuse shouted across the street at my wife.',
  ],
  hate_related: [
    'Graffiti with racist slogans sprayed on our fence twice this month.',
    'Comments about my headscarf every time I pass the shop.',
  ],
  vandalism_criminal_damage: [
    'Car tyres slashed twice on the estate in a week.',
    'Windows of the community centre broken again.',
  ],
  graffiti: [
    'Tags sprayed on the underpass and the bus shelter.',
    'Graffiti on the side of the church hall.',
  ],
  littering_fly_tipping: [
    'Mattresses and bin bags dumped at the end of the lane.',
    'Builders’ rubble tipped in the lay-by every week.',
  ],
  drugs_substance_misuse: [
    'People dealing from a car parked outside the flats every evening.',
    'Needles found in the stairwell.',
  ],
  street_drinking: [
    'A group drinking on the benches by the shops from late morning.',
    'Drinking and shouting in the park near the play area.',
  ],
  vehicle_nuisance: [
    'Motorbikes racing round the estate late at night.',
    'Cars revving and doing doughnuts in the retail park car park.',
  ],
  animal_nuisance: [
    'A dog off its lead jumping up at children in the park.',
    'Cockerels crowing from four in the morning.',
  ],
  rowdy_behaviour: [
    'Teenagers kicking footballs at our windows every evening.',
    'Shouting and fighting outside the takeaway at closing time.',
  ],
  begging: [
    'Aggressive begging outside the cash machine.',
    'Someone follows shoppers to their cars asking for money.',
  ],
  other: [
    'Fireworks let off in the street late at night.',
    'Someone keeps ringing doorbells and running off.',
  ],
}

export function description(r: Random, category: AsbCategory): string {
  return r.pick(descriptions[category])
}

const happenings = [
  'Music at full volume from 00:30 to 03:00; the bass shook the bedroom wall.',
  'Shouting and swearing on the landing for about twenty minutes.',
  'Doors slammed repeatedly between 23:00 and 01:00.',
  'A group gathered outside the front door, drinking and laughing loudly.',
  'Banging on the ceiling and stamping for an hour.',
  'Abuse shouted through the letterbox as I got home.',
  'Bins kicked over and rubbish spread across the path.',
  'Car alarm set off deliberately several times after midnight.',
  'The dog barked continuously from 07:00 until the owners came back at 18:00.',
  'Someone knocked on the door and ran off, three times in the evening.',
]
const impacts = [
  'Could not sleep; missed work the next day.',
  'My daughter was frightened and would not go to bed.',
  'I felt anxious and did not want to leave the house.',
  'Woke at 01:00 and could not get back to sleep.',
  'I had to take my medication early because my chest was tight.',
  'We sat in the back room with the lights off until they left.',
]

export function happening(r: Random): string {
  return r.pick(happenings)
}

export function impact(r: Random): string {
  return r.pick(impacts)
}

export function sentence(
  r: Random,
  topic: 'contact' | 'action' | 'outcome' | 'incident' | 'meeting',
): string {
  const lines: Record<typeof topic, string[]> = {
    contact: [
      'Spoke to the complainant; the noise continues most nights.',
      'Home visit: went through the diary sheets together.',
      'Called back: things are a little better this week.',
    ],
    action: [
      'Check the police call logs for the address',
      'Speak to the housing officer about the tenancy',
      'Visit the neighbours on either side',
      'Ask environmental health about noise monitoring',
    ],
    outcome: [
      'Done: the logs show four calls in the period.',
      'Done: the housing officer will write to the tenant.',
      'Done: neighbours confirm the noise late at night.',
    ],
    incident: [
      'Police attended after a report of shouting in the street.',
      'Reported by a neighbour: a fight outside the address.',
      'Windows broken at the address opposite.',
    ],
    meeting: [
      'Agreed a joint visit by police and housing; review in four weeks.',
      'Shared information; housing to consider a tenancy warning.',
    ],
  }
  return r.pick(lines[topic])
}
