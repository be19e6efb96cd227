using EmbedDashboard.Data.Entities;

namespace EmbedDashboard.Training.Jobs;

/// <summary>A job's state as pushed to pages: status, fraction, message, the loss points since the last update, throughput.</summary>
public sealed record TrainingUpdate(int JobId, RunStatus Status, double Progress, string? Message, IReadOnlyList<LossPoint> NewPoints, double ExamplesPerSecond);

/// <summary>Training updates from the worker to the pages (throttled by <see cref="ThrottledTrainingProgress"/>).</summary>
public sealed class TrainingProgressHub : Core.Messaging.Broadcaster<TrainingUpdate>;
