"""engines/offline"""
