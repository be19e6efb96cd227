using EmbedDashboard.Core.Messaging;

namespace EmbedDashboard.Training.Jobs;

/// <summary>Training job ids for the training worker; unfinished jobs are queued again at start.</summary>
public sealed class TrainingQueue : CancellableQueue;
