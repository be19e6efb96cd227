namespace EmbedDashboard.Core.Evaluation.Tasks;

/// <summary>One section of the questions (e.g. "capital-common-countries"): counts and accuracies over covered and over all questions.</summary>
public sealed record AnalogySectionScore(string Section, int Questions, int Covered, int CorrectAdd, int CorrectMul)
{
    public double AddAccuracy => Ratio(CorrectAdd, Covered);
    public double MulAccuracy => Ratio(CorrectMul, Covered);
    public double AddAccuracyAll => Ratio(CorrectAdd, Questions);
    public double MulAccuracyAll => Ratio(CorrectMul, Questions);

    private static double Ratio(int x, int y) => y == 0 ? double.NaN : x / (double)y;
}
