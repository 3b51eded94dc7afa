from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_index_request import CreateIndexRequest
from ...models.error_response import ErrorResponse
from ...models.index_model import IndexModel
from ...types import Response


def _get_kwargs(
    *,
    body: CreateIndexRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/indexes",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | IndexModel | None:
    if response.status_code == 201:
        response_201 = IndexModel.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorResponse.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ErrorResponse.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = ErrorResponse.from_dict(response.json())

        return response_409

    if response.status_code == 422:
        response_422 = ErrorResponse.from_dict(response.json())

        return response_422

    if response.status_code == 500:
        response_500 = ErrorResponse.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | IndexModel]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateIndexRequest,
) -> Response[ErrorResponse | IndexModel]:
    """Create an index

     Create an index for vectors created with an external embedding model.

    For guidance and examples, see [Create an index](https://docs.pinecone.io/guides/index-data/create-
    an-index).

    Args:
        body (CreateIndexRequest): The configuration needed to create a Pinecone index.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | IndexModel]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: CreateIndexRequest,
) -> ErrorResponse | IndexModel | None:
    """Create an index

     Create an index for vectors created with an external embedding model.

    For guidance and examples, see [Create an index](https://docs.pinecone.io/guides/index-data/create-
    an-index).

    Args:
        body (CreateIndexRequest): The configuration needed to create a Pinecone index.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | IndexModel
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateIndexRequest,
) -> Response[ErrorResponse | IndexModel]:
    """Create an index

     Create an index for vectors created with an external embedding model.

    For guidance and examples, see [Create an index](https://docs.pinecone.io/guides/index-data/create-
    an-index).

    Args:
        body (CreateIndexRequest): The configuration needed to create a Pinecone index.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | IndexModel]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: CreateIndexRequest,
) -> ErrorResponse | IndexModel | None:
    """Create an index

     Create an index for vectors created with an external embedding model.

    For guidance and examples, see [Create an index](https://docs.pinecone.io/guides/index-data/create-
    an-index).

    Args:
        body (CreateIndexRequest): The configuration needed to create a Pinecone index.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | IndexModel
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
