using Microsoft.CodeAnalysis;

namespace FakeAI.Bounds.Generators.Analyzers.Channels;

/// <summary>The part of a channel's item that a producer or caller waits on or expects to run.</summary>
/// <param name="MemberName">The field, property or tuple element that holds it, or <see langword="null"/> when the item itself is it.</param>
/// <param name="Type">Its type, as declared.</param>
/// <param name="Kind">Whether it is a completion source or a delegate.</param>
internal readonly record struct AwaitedPart(string? MemberName, ITypeSymbol Type, AwaitedPartKind Kind);
