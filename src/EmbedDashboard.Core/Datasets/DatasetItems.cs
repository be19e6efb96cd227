namespace EmbedDashboard.Core.Datasets;

/// <summary>Train/test membership. Imported files without a split column get one from a seeded shuffle.</summary>
public enum Split
{
    Train,
    Test,
    Dev,
}

/// <summary>Classification / clustering item.</summary>
public sealed record LabeledText(string Text, string Label, Split Split = Split.Train);

/// <summary>NER sentence: one BIO tag per token.</summary>
public sealed record TaggedSentence(IReadOnlyList<string> Tokens, IReadOnlyList<string> Tags, Split Split = Split.Train);

/// <summary>A character span of the answer inside the context.</summary>
public sealed record AnswerSpan(int Start, string Text);

/// <summary>Extractive QA example (SQuAD style).</summary>
public sealed record QaExample(string Id, string Context, string Question, IReadOnlyList<AnswerSpan> Answers, Split Split = Split.Test);

/// <summary>
/// FAQ retrieval: the question should retrieve its own answer among all answers. Pairs default to the test split
/// (a file imported alone is scored whole); a held-out import or a seeded split marks training pairs Train.
/// </summary>
public sealed record FaqPair(string Question, string Answer, string Source, Split Split = Split.Test);

/// <summary>
/// Word-similarity or STS pair. Score is null when a line has no gold score (skipped and counted). Like
/// <see cref="FaqPair"/>, pairs default to the test split; training pairs are marked Train.
/// </summary>
public sealed record ScoredPair(string A, string B, double? Score, Split Split = Split.Test);

/// <summary>a : b :: c : d, in a named section of the questions-words.txt format.</summary>
public sealed record AnalogyQuestion(string Section, string A, string B, string C, string D);

/// <summary>Antonym / synonym / other relation between two words.</summary>
public sealed record WordPair(string A, string B, string Relation);

/// <summary>Word with a polarity score (AFINN: -5..5).</summary>
public sealed record WordPolarity(string Word, int Score);
