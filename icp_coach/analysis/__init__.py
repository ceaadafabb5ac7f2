"""Tables: CRM import and cleaning, best customers, distinctive traits, prospect scoring, market size."""
