"""Small text helpers every layer may use (imports nothing else of icp_coach, nor rich or Textual)."""
