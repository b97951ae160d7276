// The council's "10 tips on speaking to your neighbours" (R3), sent with the neighbour advice.
// Written for this project: practical, kind, and safe first.

export const neighbourTips: readonly string[] = [
  'Pick a good moment. Knock when things are calm, not in the middle of the problem, and not when either of you is tired, rushed or has been drinking. If you are unsure, put a short, friendly note through their door asking when would suit them for a chat.',
  'Assume they may not know. Many people have no idea how far sound carries through walls and floors, or that their dog barks all day while they are out. Start as if they would want to know, because most people do.',
  'Decide what you want to say. Jot down the two or three things that matter most to you, and what would help. "Could the music go down after 11 on weeknights?" is easier to agree to than "Stop being so noisy."',
  'Be friendly from the start. Introduce yourself, use their name if you know it, and say you hoped to have a quick word. A smile and a calm voice do more than any argument.',
  'Say how it affects you, not what sort of person they are. "I cannot sleep when the bass is on late, and I start work at seven" is much easier to hear than "You are so inconsiderate."',
  'Listen to their side. There may be a reason you did not know about, such as a new baby, night shifts or an illness, or they may have a worry of their own about you. Let them finish before you reply.',
  'Look for an answer you can both live with. Be ready to meet them halfway: moving a speaker away from a shared wall, agreeing quiet hours, or giving each other a knock before a party.',
  'Stay calm, and know when to stop. If the conversation gets heated, say you will leave it for now and walk away. Never shout or threaten, and never go round when you are angry.',
  'Keep yourself safe. If you are worried about how they might react, do not go alone: take someone with you, talk on the doorstep in daylight, or write a polite letter instead. If you ever feel in danger, leave and call the police.',
  'Make a note, and give it time. Write down when you spoke and what you agreed, then give it a week or two to work. If nothing changes, or things get worse, get back in touch with us and bring your notes.',
]

/** The tips as they read in a letter: numbered, a paragraph each. */
export const neighbourTipsText = neighbourTips.map((tip, i) => `${i + 1}. ${tip}`).join('\n\n')
