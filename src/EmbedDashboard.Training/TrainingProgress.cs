namespace EmbedDashboard.Training;

/// <summary>One point of a loss curve: optimiser step, mean loss of that step's batch, seconds since training began.</summary>
public sealed record LossPoint(int Step, double Loss, double Seconds);

/// <summary>
/// What a trainer reports while it runs: overall fraction done, a plain-language message, the newest
/// loss point (null when the report is not about a step) and the running throughput.
/// </summary>
public sealed record TrainingProgress(double Fraction, string Message, LossPoint? Point = null, double ExamplesPerSecond = 0);
