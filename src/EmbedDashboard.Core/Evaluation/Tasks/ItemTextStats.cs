using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Text;

namespace EmbedDashboard.Core.Evaluation.Tasks;

/// <summary>
/// Per scored item: its length in words and how many of its words its probe's training texts never contain, so a
/// result page can slice scores by length and by out-of-vocabulary rate ("the task-specific model loses on long
/// reviews" or "on items full of words it never saw") instead of leaving one aggregate.
/// </summary>
internal static class ItemTextStats
{
    /// <param name="unitTrain">Each evaluation unit's training rows.</param>
    /// <param name="firstUnit">Per item, the unit whose prediction is kept (−1: none), whose training rows are its "seen" texts.</param>
    public static (int Words, int Unseen)[] Measure(IReadOnlyList<LabeledText> items, IReadOnlyList<int[]> unitTrain, int[] firstUnit)
    {
        // Words as ids, not strings: 50k IMDB reviews are 11M words.
        var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        var ids = items.Select(i => WordTokenizer.Tokenize(i.Text).Select(w => Id(vocabulary, w)).ToArray()).ToArray();
        var result = new (int Words, int Unseen)[items.Count];
        for (var i = 0; i < items.Count; i++) result[i] = (ids[i].Length, 0);
        foreach (var unit in firstUnit.Where(u => u >= 0).Distinct())
        {
            var seen = new bool[vocabulary.Count];
            foreach (var row in unitTrain[unit])
            {
                foreach (var id in ids[row]) seen[id] = true;
            }

            for (var i = 0; i < items.Count; i++)
            {
                if (firstUnit[i] == unit) result[i].Unseen = ids[i].Count(id => !seen[id]);
            }
        }

        return result;
    }

    private static int Id(Dictionary<string, int> vocabulary, string word)
    {
        if (!vocabulary.TryGetValue(word, out var id))
        {
            id = vocabulary.Count;
            vocabulary[word] = id;
        }

        return id;
    }
}
