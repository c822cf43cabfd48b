"""Unreal Engine 5 through UnrealCV: the wire protocol, the coordinate conversion, the Unreal engine backend
(``UnrealEngine``, driving a game through the stock ``unrealcv`` client) and an UnrealCV-compatible server
(``UnrealCVServer``) that answers the same commands with the embedded Panda3D engine."""
