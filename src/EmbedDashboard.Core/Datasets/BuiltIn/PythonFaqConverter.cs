using System.Text.RegularExpressions;
using EmbedDashboard.Core.Datasets.Importers;

namespace EmbedDashboard.Core.Datasets.BuiltIn;

/// <summary>
/// Question→answer pairs from the Python FAQ sources in Debian's python3.11-doc
/// (/usr/share/doc/python3.11/html/_sources/faq/*.rst.txt): every reST heading ending in "?" is a
/// question, the text up to the next heading its answer (markup simplified). The same pairs also
/// make extractive QA examples whose answer is the answer's first sentence. A seeded 50/50 split (seed 13) marks
/// half the pairs Train, so a contrastive-tuned model is scored on questions it never saw; each QA example takes its
/// pair's split, so the QA dataset does not score questions that the retrieval dataset trains on either.
/// </summary>
public static partial class PythonFaqConverter
{
    public const string DefaultFolder = "/usr/share/doc/python3.11/html/_sources/faq";
    public const double TestFraction = 0.5;
    public const int SplitSeed = 13;

    public static (ImportResult<FaqPair> Pairs, ImportResult<QaExample> Qa) Convert(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"Python FAQ sources not found: {folder} (install Debian's python3.11-doc).");
        }

        var pairs = new List<FaqPair>();
        foreach (var file in Directory.GetFiles(folder, "*.rst.txt").Order(StringComparer.Ordinal))
        {
            var lines = File.ReadAllLines(file);
            string? question = null;
            var answer = new List<string>();
            void Flush()
            {
                var text = Clean(string.Join("\n", answer));
                if (question is not null && question.EndsWith('?') && text.Length >= 20) pairs.Add(new FaqPair(question, text, Path.GetFileName(file)));
                answer.Clear();
            }

            for (var i = 0; i < lines.Length; i++)
            {
                if (i + 1 < lines.Length && IsUnderline(lines[i + 1], lines[i]))
                {
                    Flush();
                    question = lines[i].Trim();
                    i++;
                    continue;
                }

                if (!IsUnderline(lines[i], "x")) answer.Add(lines[i]);
            }

            Flush();
        }

        TextLines.RequireItems(pairs, folder);
        var isTest = SeededSplit.TestMask(pairs.Count, TestFraction, SplitSeed);
        pairs = pairs.Select((p, i) => p with { Split = isTest[i] ? Split.Test : Split.Train }).ToList();
        var qa = pairs.Select((p, i) =>
        {
            var first = SentenceEnd().Split(p.Answer, 2)[0];
            return new QaExample($"faq-{i}", p.Answer, p.Question, [new AnswerSpan(0, first)], p.Split);
        }).ToList();
        var test = isTest.Count(t => t);
        string[] notes = [$"{pairs.Count:N0} pairs; seeded {(1 - TestFraction) * 100:0}/{TestFraction * 100:0} train/test split (seed {SplitSeed}): {pairs.Count - test:N0} train, {test:N0} test; runs score the test split only."];
        return (new ImportResult<FaqPair>(pairs, 0, notes), new ImportResult<QaExample>(qa, 0, notes));
    }

    private static bool IsUnderline(string line, string title) =>
        line.Length >= 3 && line.Length >= title.TrimEnd().Length && title.Trim().Length > 0 && line.All(c => c == line[0]) && "=-~*^#\"'`+".Contains(line[0]);

    /// <summary>Roles such as :ref:`x &lt;y&gt;` become x; links keep their text; directives and blank runs go.</summary>
    private static string Clean(string text)
    {
        text = Directive().Replace(text, "");
        text = Role().Replace(text, m => m.Groups[1].Value);
        text = Link().Replace(text, m => m.Groups[1].Value.Trim());
        text = text.Replace("``", "", StringComparison.Ordinal).Replace("::", ":", StringComparison.Ordinal);
        return Space().Replace(text, " ").Trim();
    }

    [GeneratedRegex(@"^\.\. .*$", RegexOptions.Multiline)]
    private static partial Regex Directive();

    [GeneratedRegex(@":\w+(?::\w+)?:`~?([^`<]+?)\s*(?:<[^>]*>)?`")]
    private static partial Regex Role();

    [GeneratedRegex(@"`([^`<]+)<[^>]*>`_+")]
    private static partial Regex Link();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();

    [GeneratedRegex(@"(?<=[.!?])\s+")]
    private static partial Regex SentenceEnd();
}
