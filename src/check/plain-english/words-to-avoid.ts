// GOV.UK's "words to avoid" (GOV.UK style guide, "Plain English"), each with what to write
// instead. `forms` matches the word as written (whole words, any case); `except` lets a use GOV.UK
// itself allows stand, judged from the words around it. Words GOV.UK lists only for one meaning
// ("key", "impact", "foster") are matched in that meaning only.

export interface WordToAvoid {
  /** The word as GOV.UK lists it. */
  word: string;
  forms: RegExp;
  /** What to write instead, as a phrase that follows "say". */
  instead: string;
  /** A use that is fine, judged from the words matched and the text before and after them. */
  except?: (match: string, before: string, after: string) => boolean;
}

// Only the words next to a use are read: /…$/ on all the text before it would try every place in
// it, for every use (quadratic on a long paste, issue 22).
const next = (after: string) => /^[\s,]*([\p{L}'’-]+)/u.exec(after.slice(0, 200))?.[1]?.toLowerCase() ?? '';
const last = (before: string) => /([\p{L}'’-]+)[\s,]*$/u.exec(before.slice(-200))?.[1]?.toLowerCase() ?? '';
const w = (forms: string) => new RegExp(`\\b(?:${forms})\\b`, 'giu');

/** Words after "key" that make it a noun, or a term of its own (a key worker is a role in social care). */
const KEY_NOUN = /^(?:to|and|or|of|in|for|is|was|are|were|that|which|stage|stages|worker|workers|holder|holders|card|cards|ring|fob|safe)$/;
/** Words before "impact" or "impacts" that make it a verb: "to impact", "will impact", "it impacts". */
const BEFORE_VERB =
  /^(?:to|will|would|can|could|may|might|should|must|shall|does|do|did|not|also|directly|negatively|positively|it|this|which|that|they|we|he|she)$/;

export const WORDS_TO_AVOID: readonly WordToAvoid[] = [
  {
    word: 'agenda',
    forms: w('agendas?'),
    instead: 'plan or what you want to do (unless it is the agenda of a meeting)',
    except: (_, b, a) => /meeting/i.test(`${b.slice(-40)} ${a.slice(0, 40)}`),
  },
  { word: 'advancing', forms: w('advanc(?:e|es|ed|ing)'), instead: 'what you are doing, e.g. improving or building' },
  { word: 'collaborate', forms: w('collaborat(?:e|es|ed|ing|ion)'), instead: '"working with"' },
  { word: 'combating', forms: w('combat(?:s|ed|ing|ting)?'), instead: 'what you are doing, e.g. stopping or reducing' },
  { word: 'commit', forms: w('commit(?:s|ted|ting|ment|ments)?|pledg(?:e|es|ed|ing)'), instead: 'what you are doing, e.g. "we will"' },
  { word: 'countering', forms: w('counter(?:s|ed|ing)'), instead: 'what you are doing, e.g. stopping or answering' },
  {
    word: 'deliver',
    forms: w('deliver(?:s|ed|ing|y|ies)?'),
    instead: 'what you are doing, e.g. make, give, run or bring about (post and services are delivered, not changes or improvements)',
    except: (_, __, a) =>
      /^(?:post|mail|letters?|parcels?|pizzas?|services?|training|sessions?)$/.test(
        next(a.replace(/^\s*(?:the|a|an|our|your|their|its)\s+/i, ' ')),
      ),
  },
  { word: 'deploy', forms: w('deploy(?:s|ed|ing|ment)?'), instead: 'use or put in place (unless it is the military or software)' },
  { word: 'dialogue', forms: w('dialogues?'), instead: '"we speak to", "talk" or "discussion"' },
  { word: 'disincentivise', forms: w('(?:dis)?incentivi[sz](?:e|es|ed|ing)'), instead: 'what you are doing, e.g. encourage or discourage' },
  { word: 'empower', forms: w('empower(?:s|ed|ing|ment)?'), instead: 'allow or give permission' },
  { word: 'facilitate', forms: w('facilitat(?:e|es|ed|ing|ion)'), instead: 'what you are doing to help, e.g. help, run or arrange' },
  { word: 'focusing', forms: w('focus(?:s)?ing'), instead: 'working on or looking at' },
  {
    word: 'foster',
    forms: w('foster(?:s|ed|ing)?'),
    instead: 'encourage or help (unless it is fostering children)',
    except: (_, __, a) =>
      /^(?:care|carers?|parents?|famil(?:y|ies)|placements?|homes?|children|child|agenc(?:y|ies)|mother|father)$/.test(next(a)),
  },
  {
    word: 'impact (as a verb)',
    forms: w('impact(?:s|ed|ing)?'),
    instead: 'affect, change or help',
    except: (m, b) => !/(?:ed|ing)$/i.test(m) && !BEFORE_VERB.test(last(b)),
  },
  { word: 'initiate', forms: w('initiat(?:e|es|ed|ing)'), instead: 'start' },
  {
    word: 'key (as an adjective)',
    forms: w('key'),
    instead: 'important, main or nothing at all (unless it unlocks something)',
    except: (_, __, a) => !/^\s+\p{L}/u.test(a) || KEY_NOUN.test(next(a)),
  },
  { word: 'leverage', forms: w('leverag(?:e|es|ed|ing)'), instead: 'use or make the most of (unless it is in the financial sense)' },
  { word: 'liaise', forms: w('liais(?:e|es|ed|ing)'), instead: 'work with or talk to' },
  { word: 'overarching', forms: w('over-?arching'), instead: 'overall, or leave it out' },
  {
    word: 'progress (as a verb)',
    forms: w('progress(?:es|ed|ing)?'),
    instead: 'what you are actually doing, e.g. "we are writing" or "work has started"',
    except: (m, b) => /^progress$/i.test(m) && !/^(?:to|will|would|can|could|may|might|should|must|not|we|they)$/.test(last(b)),
  },
  { word: 'promote', forms: w('promot(?:e|es|ed|ing)'), instead: 'encourage, support or explain (unless it is an advertising campaign)' },
  { word: 'robust', forms: w('robust(?:ly)?'), instead: 'strong, thorough or well thought out' },
  {
    word: 'slimming down',
    forms: w('slimm(?:ing|ed) down|slims? down'),
    instead: 'cutting, reducing or simplifying (processes do not diet)',
  },
  { word: 'streamline', forms: w('streamlin(?:e|es|ed|ing)'), instead: 'simplify, or say what you are changing' },
  {
    word: 'strengthening',
    forms: w('strengthen(?:s|ed|ing)?'),
    instead: 'what you are doing, e.g. improving (unless it is a bridge or other structure)',
  },
  { word: 'tackling', forms: w('tackl(?:e|es|ed|ing)'), instead: 'what you are doing, e.g. stopping, dealing with or reducing' },
  { word: 'transforming', forms: w('transform(?:s|ed|ing|ation)?'), instead: 'what you are actually doing to change it' },
  { word: 'utilise', forms: w('utili[sz](?:e|es|ed|ing|ation)'), instead: 'use' },
  // GOV.UK's metaphors to avoid, in the same list.
  {
    word: 'drive',
    forms: w('driv(?:e|es|ing)(?: out)?'),
    instead: 'what you are doing, e.g. lead, cause or push for (you can only drive vehicles)',
    except: (_, __, a) => /^(?:a|the|car|cars|vehicles?|home|to)$/.test(next(a)),
  },
  { word: 'going forward', forms: w('going forward|moving forward'), instead: '"from now on", "in future", or leave it out' },
  { word: 'in order to', forms: w('in order to'), instead: '"to"' },
  { word: 'one-stop shop', forms: w('one[- ]stop[- ]shops?'), instead: 'what it is, e.g. "a single website"' },
  { word: 'ring fencing', forms: w('ring[- ]?fenc(?:e|es|ed|ing)'), instead: '"kept for" or "only used for"' },
];
