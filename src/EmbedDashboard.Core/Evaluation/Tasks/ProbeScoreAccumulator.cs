using EmbedDashboard.Core.Evaluation.Metrics;

namespace EmbedDashboard.Core.Evaluation.Tasks;

/// <summary>Per-unit scores of one probe, gathered as the units run.</summary>
internal sealed class ProbeScoreAccumulator
{
    private readonly List<int> _seeds = [];
    private readonly List<double> _accuracy = [];
    private readonly List<double> _macroF1 = [];
    private readonly List<double[]> _perClass = [];

    public void Add(int seed, int[] truth, int[] predicted, int classes)
    {
        _seeds.Add(seed);
        _accuracy.Add(ClassificationMetrics.Accuracy(truth, predicted));
        _macroF1.Add(ClassificationMetrics.MacroF1(truth, predicted));
        _perClass.Add(ClassificationMetrics.PerClassF1(truth, predicted, classes));
    }

    /// <summary>Each label's F1 over the units where it was defined (present in truth or predictions).</summary>
    public IEnumerable<(string Label, Summary F1)> PerClass(IReadOnlyList<string> classes) =>
        classes.Select((label, c) => (label, Summary.Of(_perClass.Select(f => f[c]).Where(f => !double.IsNaN(f)).ToList())));

    public ProbeScores Summarize(IReadOnlyList<string> classes)
    {
        var perSeed = _seeds.Zip(_accuracy).GroupBy(x => x.First).OrderBy(g => g.Key).Select(g => g.Average(x => x.Second)).ToList();
        var perClass = PerClass(classes).ToDictionary(x => x.Label, x => x.F1.Mean, StringComparer.Ordinal);
        return new ProbeScores(Summary.Of(_accuracy), Summary.Of(_macroF1), perSeed, perClass);
    }
}
