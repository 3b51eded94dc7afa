from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.embed_request import EmbedRequest
from ...models.embeddings_list import EmbeddingsList
from ...models.error_response import ErrorResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: EmbedRequest | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/embed",
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EmbeddingsList | ErrorResponse | None:
    if response.status_code == 200:
        response_200 = EmbeddingsList.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 500:
        response_500 = ErrorResponse.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[EmbeddingsList | ErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: EmbedRequest | Unset = UNSET,
) -> Response[EmbeddingsList | ErrorResponse]:
    """Generate vectors

     Generate vector embeddings for input data. This endpoint uses Pinecone's [hosted embedding
    models](https://docs.pinecone.io/guides/index-data/create-an-index#embedding-models).

    Args:
        body (EmbedRequest | Unset): Generate embeddings for inputs.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EmbeddingsList | ErrorResponse]
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
    body: EmbedRequest | Unset = UNSET,
) -> EmbeddingsList | ErrorResponse | None:
    """Generate vectors

     Generate vector embeddings for input data. This endpoint uses Pinecone's [hosted embedding
    models](https://docs.pinecone.io/guides/index-data/create-an-index#embedding-models).

    Args:
        body (EmbedRequest | Unset): Generate embeddings for inputs.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EmbeddingsList | ErrorResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: EmbedRequest | Unset = UNSET,
) -> Response[EmbeddingsList | ErrorResponse]:
    """Generate vectors

     Generate vector embeddings for input data. This endpoint uses Pinecone's [hosted embedding
    models](https://docs.pinecone.io/guides/index-data/create-an-index#embedding-models).

    Args:
        body (EmbedRequest | Unset): Generate embeddings for inputs.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EmbeddingsList | ErrorResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: EmbedRequest | Unset = UNSET,
) -> EmbeddingsList | ErrorResponse | None:
    """Generate vectors

     Generate vector embeddings for input data. This endpoint uses Pinecone's [hosted embedding
    models](https://docs.pinecone.io/guides/index-data/create-an-index#embedding-models).

    Args:
        body (EmbedRequest | Unset): Generate embeddings for inputs.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EmbeddingsList | ErrorResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
